using System.Reflection;
using Xunit.v3;

[assembly: TokenAdmin.Tests.Infrastructure.NoSecretsLogged]

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Fails a test when a test app of its collection logged a secret while it ran. A fixture's app also throws
/// from its dispose, but xunit v3 reports that only as a class cleanup failure: the run fails, yet
/// <c>dotnet test</c> counts no failed test. Tests of one collection run one after another, so a leak found
/// here belongs to the test that just ran (or to its fixture's start-up).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class NoSecretsLoggedAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var leaks = TestApp.Running(test.TestCase.TestCollection.UniqueID)
            .SelectMany(app => app.Logs.TakeNewLeaks())
            .ToList();
        if (leaks.Count > 0)
            throw new SecretLoggedException(leaks);
    }
}

public sealed class SecretLoggedException(IReadOnlyList<SecretLeak> leaks) : Exception(
    $"The app logged {leaks.Count} secret(s):" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
