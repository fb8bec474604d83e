using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Microsoft.AspNetCore.Identity;
using Notify.Web.Components;
using Notify.Web.Features.Account;
using Notify.Workflows.Access;
using Notify.Web.Features.Contacts;
using Notify.Web.Features.Deliveries;
using Notify.Web.Features.Events;
using Notify.Web.Features.Flows;
using Notify.Web.Features.Messages;
using Notify.Web.Features.Records;
using Notify.Web.Features.Runs;
using Notify.Web.Features.Sms;
using Notify.Web.Features.Templates;
using Notify.Workflows;
using Notify.Workflows.Demo;
using Notify.Workflows.Persistence;

namespace Notify.Web.Infrastructure;

public static class NotifyWebExtensions
{
    public const string IngestPolicy = "ingest";
    public const long MaxRequestBytes = 1_048_576;

    public static WebApplicationBuilder AddNotifyWeb(this WebApplicationBuilder builder)
    {
        builder.AddNotifyTelemetry();
        var services = builder.Services;
        var dataFolder = Path.Combine(builder.Environment.ContentRootPath, "data");
        services.AddHttpContextAccessor();
        services.AddSingleton<Notify.Workflows.Access.IActorAccessor, HttpActorAccessor>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ActorCircuitHandler>();
        services.AddNotifyWorkflows(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddNotifyOpenApi();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxRequestBytes);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                var what = context.HttpContext.Request.Path.StartsWithSegments("/account") ? "sign-in attempts from this address; wait a minute" : "requests for this API key; slow down and retry";
                await Results.Problem($"Too many {what}.", statusCode: 429).ExecuteAsync(context.HttpContext);
            };
            var signInsPerMinute = builder.Configuration.GetValue("Notify:RateLimits:SignInsPerMinute", 10);
            o.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/login")
                    ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        "sign-in:" + context.Connection.RemoteIpAddress,
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter("other"));
            var perSecond = builder.Configuration.GetValue("Notify:RateLimits:IngestPerSecond", 5000);
            o.AddPolicy(IngestPolicy, context => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString(),
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        });
        builder.AddNotifyDataProtection(dataFolder);
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "notify.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
        });
        services.AddIdentityCore<NotifyUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NotifyDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<Features.Account.AccountSeeder>();
        services.AddSingleton<Features.Account.SendLoginService>();
        services.AddSingleton<Features.Users.StaffService>();
        // A role change or a deactivation takes hold within a minute, in open pages too.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, Features.Users.RevalidatingStaffStateProvider>();
        services.AddAuthorization(ApiPolicies.Add);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddSingleton<DeliveryQueryService>();
        services.AddSingleton<RunQueryService>();
        services.AddSingleton<RecordQueryService>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<TemplatePreviewService>();
        services.AddSingleton<MergeFieldCatalog>();
        services.AddSingleton<TemplateTestSender>();
        services.AddSingleton<Notify.Web.Features.Records.MessageResender>();
        services.AddSingleton<Features.Audit.AuditQueryService>();
        services.AddSingleton<Features.Costs.SmsCostService>();
        services.AddSingleton<Features.Inbox.InboxService>();
        services.AddScoped<Features.Inbox.RecipientLanding>();
        services.AddSingleton<Features.Home.OverviewService>();
        services.AddSingleton<Features.Home.DashboardService>();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.AllowOutOfOrderMetadataProperties = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new ContactPointJsonConverter());
        options.Converters.Add(new Notify.Domain.Common.NoNulStringConverter());
        options.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(options.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            Notify.Workflows.Definitions.FlowJson.StepKindsAsDerivedTypes);
    }

    public static async Task InitializeNotifyAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Features.Account.AccountSeeder>().SeedAsync();
        }

        if (await app.Services.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None))
        {
            app.Logger.LogInformation("Loaded the demo data (Notify__Demo__Seed=false turns this off).");
        }

        if (string.IsNullOrEmpty(app.Configuration["Notify:Bootstrap:ApiKey"]))
        {
            app.Logger.LogWarning("No API key is configured: set Notify__Bootstrap__ApiKey to use the REST API.");
        }
    }

    public static WebApplication UseNotifyWeb(this WebApplication app)
    {
        // Pages follow the browser's language for weekdays and number formats (weeks start on Monday in the Nordics);
        // times are shown in the organisation's time zone by LocalTime.
        string[] cultures = ["en-GB", "en-US", "nb-NO", "nn-NO", "sv-SE", "da-DK", "fi-FI", "de-DE", "pl-PL"];
        app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseNotifySecurityHeaders();
        // A person who opens an address that does not exist gets a page that says so; API callers keep problem details.
        app.UseWhen(IsPageRequest, page => page.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting(); // after the re-execution above, so the not-found page is routed again
        app.UseSameOriginCircuits();
        app.UseNotifyRequestSizeLimit(MaxRequestBytes);
        app.UseNotifyRequestCharset();
        app.UseNotifyQueryText();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments("/api")
        && !context.Request.Path.StartsWithSegments("/openapi")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapNotifyApi(this WebApplication app)
    {
        app.MapNotifyHealth();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapNotifyApiReference();
        var api = app.MapGroup("/api/v1").RequireAuthorization(ApiPolicies.Authenticated).WithTags("Notify");
        api.MapRecordsApi();
        api.MapEventsApi();
        api.MapContactsApi();
        api.MapTemplatesApi();
        api.MapFlowsApi();
        api.MapRunsApi();
        api.MapDeliveriesApi();
        api.MapMessagesApi();
        api.MapSmsStatusApi();
        Features.Users.UsersApi.MapUsersApi(api);
        Features.Audit.AuditApi.MapAuditApi(api);
        return app;
    }

    public static WebApplication MapNotifyUi(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).ExcludeFromDescription();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
