using Microsoft.AspNetCore.Components.Server.Circuits;

namespace TokenAdmin.People;

/// <summary>The browser's IP address for the audit log, read once when the circuit connects.</summary>
public sealed class ClientAddress
{
    public string? Value { get; private set; }

    internal void Capture(HttpContext? context) =>
        Value ??= context?.Connection.RemoteIpAddress?.ToString();
}

/// <summary>
/// Captures the address while the circuit's connection request is at hand: interactive components have no
/// request of their own to read it from later.
/// </summary>
internal sealed class ClientAddressCircuitHandler(ClientAddress address, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        address.Capture(http.HttpContext);
        return Task.CompletedTask;
    }
}
