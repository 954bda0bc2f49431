using System.Text;
using Microsoft.Extensions.Logging;
using TokenAdmin.Sandboxes;
using TokenAdmin.Tests.Infrastructure;
using TokenAdmin.Tokens;

namespace TokenAdmin.Tests.Api;

/// <summary>The log guard every test app carries: it must catch secrets, and only secrets.</summary>
public sealed class LogGuardTests
{
    [Fact]
    public void GuardReportsTokenSecretsAndIssuedPasswordsButNotLookalikeIds()
    {
        var capture = new LogCapture();
        var logger = capture.CreateLogger("Probe");
        var password = SandboxSecrets.NewPassword();
        var lookalike = SandboxSecrets.NewPassword();
        var secret = TokenSecret.Generate();
        capture.NoteProtected(Encoding.UTF8.GetBytes(password));

        logger.LogInformation("Circuit {CircuitId} opened", lookalike);
        logger.LogDebug("Offered {Secret}", secret);
        logger.LogWarning(new InvalidOperationException($"password={password}"), "Copy failed");
        var leaks = capture.TakeNewLeaks();

        Assert.Equal([secret, password], leaks.Select(leak => leak.Secret));
        Assert.Empty(capture.TakeNewLeaks());
        Assert.DoesNotContain(secret, leaks[0].ToString());
        Assert.Contains($"…{secret[^4..]}", leaks[0].ToString());
    }

    [Fact]
    public void AllowedSecretIsNotALeakInItsCategoryOnly()
    {
        var capture = new LogCapture();
        var secret = TokenSecret.Generate();
        capture.Allow(secret, "Microsoft.AspNetCore.Hosting.Diagnostics");

        capture.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").LogInformation("GET /?t={Secret}", secret);
        capture.CreateLogger("TokenAdmin.Api").LogInformation("Offered {Secret}", secret);

        Assert.Equal(["TokenAdmin.Api"], capture.TakeNewLeaks().Select(leak => leak.Line.Category));
    }
}
