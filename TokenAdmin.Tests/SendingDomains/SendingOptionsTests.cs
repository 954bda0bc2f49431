using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TokenAdmin.Hosting;
using TokenAdmin.SendingDomains;

namespace TokenAdmin.Tests.SendingDomains;

public sealed class SendingOptionsTests
{
    [Fact]
    public void DefaultPortsApplyWhenNoPortsAreConfigured()
    {
        var options = Bind([]);

        Assert.Equal([587, 2525, 25, 465], options.Ports);
    }

    [Fact]
    public void ConfiguredPortsReplaceTheDefaultsWhenPortsAreConfigured()
    {
        var options = Bind(new() { ["TokenAdmin:Sending:SmtpPorts:0"] = "1025" });

        Assert.Equal([1025], options.Ports);
    }

    private static SendingOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTokenAdminConsole();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SendingOptions>>().Value;
    }
}
