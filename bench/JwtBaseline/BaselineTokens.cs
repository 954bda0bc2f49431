using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace JwtBaseline;

/// <summary>
/// HS256 tokens with a fixed key, issuer and audience: what a user would pick to avoid a token store. The key is
/// a benchmark constant, not a secret.
/// </summary>
public static class BaselineTokens
{
    public const string Issuer = "tokenadmin-bench";
    public const string Audience = "tokenadmin-bench-api";

    public static readonly SymmetricSecurityKey Key =
        new(Encoding.UTF8.GetBytes("benchmark-only-hs256-key-0123456789abcdef"));

    public static TokenValidationParameters Validation => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
    };

    /// <summary>A token carrying what TokenAdmin's <c>/self</c> answer shows, valid for a day.</summary>
    public static string Mint()
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddDays(1),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", "1"),
                new Claim("name", "bench"),
                new Claim("last4", "abcd"),
                new Claim("created_by", "Operator (command line)"),
                new Claim("grant", "account:1:100"),
            ]),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static string? ExpiresAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst("exp")?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : null;
}
