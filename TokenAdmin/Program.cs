using TokenAdmin.Data;
using TokenAdmin.Hosting;
using TokenAdmin.People;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRepositorySettings(args);

builder.Services.AddTokenAdminData();
builder.Services.AddTokenAdminPeople();
builder.Services.AddTokenAdminConsole();

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
await app.Services.BootstrapOwnerAsync();

app.UseTokenAdminPipeline();
app.MapTokenAdminConsole();
app.Run();

public partial class Program;
