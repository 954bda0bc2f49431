using System.Reflection;
using TokenAdmin.Audit;

namespace TokenAdmin.Tests.Audit;

public sealed class AuditLabelsTests
{
    [Fact]
    public void EveryKnownEventHasItsOwnLabelInTheFilter()
    {
        var known = typeof(AuditEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!)
            .Order();

        var offered = AuditLabels.Events.Select(e => e.Event).Order();

        Assert.Equal(known, offered);
        Assert.Equal(AuditLabels.Events.Count, AuditLabels.Events.Select(e => e.Label).Distinct().Count());
    }

    [Theory]
    [InlineData(AuditEvents.TokenCreated, "Token created")]
    [InlineData(AuditEvents.SandboxCredentialsReset, "Sandbox credentials reset")]
    [InlineData("token.renamed", "token.renamed")]
    public void EventIsShownByItsLabelOrRawWhenUnknown(string auditEvent, string shown)
    {
        Assert.Equal(shown, AuditLabels.Event(auditEvent));
    }
}
