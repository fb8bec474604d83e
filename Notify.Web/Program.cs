using Notify.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddNotifyWeb();

var app = builder.Build();
await app.InitializeNotifyAsync();
app.UseNotifyWeb();
app.MapNotifyApi();
app.MapNotifyUi();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
