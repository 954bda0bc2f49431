using TokenAdmin.Api;
using TokenAdmin.CommandLine;
using TokenAdmin.Data;
using TokenAdmin.Hosting;
using TokenAdmin.Jobs;
using TokenAdmin.People;

var builder = WebApplication.CreateBuilder(ContentRoot.OfPublishedApp(args));
builder.Configuration.AddRepositorySettings(args);
builder.AddOperatorCommands(args);
if (DatabaseOptions.From(builder.Configuration).Problem() is { } settingsProblem)
    return OperatorCommands.RefuseSettings(settingsProblem);

builder.Services.AddTokenAdminData(builder.Configuration);
builder.Services.AddTokenAdminPeople();
builder.Services.AddTokenAdminConsole();
builder.Services.AddTokenAdminApi();
builder.Services.AddTokenAdminJobs(builder.Configuration);

var app = builder.Build();
if (OperatorCommands.IsCommand(args))
    return await OperatorCommands.RunAsync(app, args);

try
{
    await app.Services.PrepareDatabaseAsync();
}
catch (DatabaseSetupException unusable)
{
    return OperatorCommands.RefuseSettings(unusable.Message);
}
await app.Services.BootstrapOwnerAsync();

app.UseTokenAdminPipeline();
app.MapHealth();
app.MapTokenAdminConsole();
app.MapTokenAdminApi();
app.Run();
return 0;

public partial class Program;
