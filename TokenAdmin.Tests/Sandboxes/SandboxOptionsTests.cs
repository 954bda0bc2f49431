using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenAdmin.Hosting;
using TokenAdmin.Sandboxes;

namespace TokenAdmin.Tests.Sandboxes;

/// <summary>The settings as the console registers them, bound from configuration without a host.</summary>
public sealed class SandboxOptionsTests
{
    [Fact]
    public void DefaultsApplyWhenNothingIsConfigured()
    {
        var options = Bind([]);

        Assert.Equal("sandbox.smtp.example.com", options.SmtpHost);
        Assert.Equal([25, 465, 587, 2525], options.Ports);
    }

    [Fact]
    public void ConfiguredPortsReplaceTheDefaultsWhenPortsAreConfigured()
    {
        var options = Bind(new()
        {
            ["TokenAdmin:Sandboxes:SmtpHost"] = "smtp.sandbox.test",
            ["TokenAdmin:Sandboxes:SmtpPorts:0"] = "2525",
            ["TokenAdmin:Sandboxes:SmtpPorts:1"] = "1025",
        });

        Assert.Equal("smtp.sandbox.test", options.SmtpHost);
        Assert.Equal([2525, 1025], options.Ports);
    }

    [Theory]
    [InlineData("TokenAdmin:Sandboxes:SmtpHost", "")]
    [InlineData("TokenAdmin:Sandboxes:SmtpPorts:0", "0")]
    [InlineData("TokenAdmin:Sandboxes:SmtpPorts:0", "65536")]
    public void SettingsAreRefusedWhenTheHostIsEmptyOrAPortIsOutOfRange(string key, string value)
    {
        var thrown = Record.Exception(() => Bind(new() { [key] = value }));

        Assert.IsType<OptionsValidationException>(thrown);
    }

    private static SandboxOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTokenAdminConsole();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SandboxOptions>>().Value;
    }
}
