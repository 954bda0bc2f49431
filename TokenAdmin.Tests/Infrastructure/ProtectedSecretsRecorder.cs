using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Shows the log guard every value the app encrypts or decrypts. Sandbox passwords pass through data protection
/// when they are issued and copied, so the guard knows each one and can tell a logged password from a random id
/// of the same shape.
/// </summary>
public static class ProtectedSecretsRecorder
{
    public static IServiceCollection RecordProtectedSecrets(this IServiceCollection services, LogCapture logs)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDataProtectionProvider));
        services.Remove(original);
        services.AddSingleton<IDataProtectionProvider>(provider =>
            new RecordingProvider(Create(original, provider), logs));
        return services;
    }

    private static IDataProtectionProvider Create(ServiceDescriptor original, IServiceProvider provider) =>
        (IDataProtectionProvider)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));

    private sealed class RecordingProvider(IDataProtectionProvider inner, LogCapture logs) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) =>
            new RecordingProtector(inner.CreateProtector(purpose), logs);
    }

    private sealed class RecordingProtector(IDataProtector inner, LogCapture logs) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) =>
            new RecordingProtector(inner.CreateProtector(purpose), logs);

        public byte[] Protect(byte[] plaintext)
        {
            logs.NoteProtected(plaintext);
            return inner.Protect(plaintext);
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            var plaintext = inner.Unprotect(protectedData);
            logs.NoteProtected(plaintext);
            return plaintext;
        }
    }
}
