namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Tests that keep the machine's cores busy for a while (a Release publish) run when no other test does, so the
/// time bounds other tests check (such as one second between nodes) are not measured on a starved machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAloneCollection
{
    public const string Name = "Run alone";
}
