using System.Text.Json;
using JwtBaseline;
using Microsoft.AspNetCore.Authentication.JwtBearer;

if (args.Contains("--mint"))
{
    Console.WriteLine(BaselineTokens.Mint());
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(jwt =>
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = BaselineTokens.Validation;
    });
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(json =>
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/api/api_tokens/self", (HttpContext http) => Results.Json(SelfAnswer.From(http.User)))
    .RequireAuthorization();
app.Run();
