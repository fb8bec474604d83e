using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Domain.Templates;
using Notify.Workflows.Channels;
using Notify.Workflows.Channels.Email;
using Notify.Workflows.Channels.InApp;
using Notify.Workflows.Channels.Sms;
using Notify.Workflows.Conditions;
using Notify.Workflows.Definitions;
using Notify.Workflows.Demo;
using Notify.Workflows.Dispatch;
using Notify.Workflows.Ingest;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;
using Notify.Workflows.Steps;
using Notify.Workflows.Triggers;

namespace Notify.Workflows;

public static class ServiceCollectionExtensions
{
    /// <summary>The engine, persistence, channels and background workers.</summary>
    public static IServiceCollection AddNotifyWorkflows(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDataProtection();
        services.Configure<DatabaseOptions>(configuration.GetSection("Notify:Database"));
        services.Configure<SmtpOptions>(configuration.GetSection("Notify:Email:Smtp"));
        services.Configure<AttachmentOptions>(configuration.GetSection("Notify:Email:Attachments"));
        services.Configure<BrandingOptions>(configuration.GetSection("Notify:Branding"));
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection("Notify:Sms")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>();
        services.Configure<DemoOptions>(configuration.GetSection("Notify:Demo"));
        services.AddOptions<Organisation.OrganisationOptions>().Bind(configuration.GetSection("Notify:Organisation")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Organisation.OrganisationOptions>, Organisation.OrganisationOptionsValidator>();
        services.AddOptions<QuietHoursOptions>().Bind(configuration.GetSection("Notify:QuietHours")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QuietHoursOptions>, QuietHoursOptionsValidator>();
        AddDatabase(services, configuration, contentRoot);

        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton(sp => new PhoneNumberNormalizer(sp.GetRequiredService<IOptions<SmsOptions>>().Value.DefaultRegion));
        services.AddSingleton(_ => new WorkCalendar(configuration.GetSection("Notify:Calendar:Holidays").Get<DateOnly[]>()));
        services.AddSingleton<IConditionEvaluator, RulesEngineConditionEvaluator>();
        foreach (var kind in StepKinds.All)
        {
            services.AddSingleton(typeof(IStep), kind.StepType);
        }

        services.AddSingleton<StepRegistry>();
        services.AddSingleton<PublishedFlowCache>();
        services.AddSingleton<FlowValidator>();
        services.AddSingleton<FlowService>();
        services.Configure<EngineOptions>(configuration.GetSection("Notify:Engine"));
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<DueRunClaims>();
        services.AddSingleton<RunEngine>();
        services.AddSingleton<WaitingRuns>();
        services.AddSingleton<Digests.DigestFlusher>();
        services.AddSingleton<DryRunner>();
        services.AddSingleton<Impact.ImpactPreviewer>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<EventExplainer>();
        services.AddSingleton<RunsWakeUp>();
        services.AddSingleton<DeliveriesWakeUp>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<Access.ApiKeyService>();
        services.TryAddSingleton<Access.IActorAccessor, Access.SystemActor>();
        services.AddSingleton<Access.AuditLog>();
        services.AddSingleton<Messages.ManualSendService>();
        AddChannels(services, configuration);

        services.AddSingleton<DueRunsWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DueRunsWorker>());
        services.AddOptions<Retention.RetentionOptions>().Bind(configuration.GetSection("Notify:Retention"))
            .Validate(o => o.Days >= 0, "Notify:Retention:Days must be 0 (keep everything) or more.")
            .Validate(o => o.ChunkSize is >= 1 and <= 100_000, "Notify:Retention:ChunkSize must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddSingleton<Retention.RetentionSweeper>();
        services.AddSingleton<Statistics.DeliveryCountRoller>();
        services.AddHostedService<Statistics.DeliveryCountWorker>();
        services.AddHostedService<Retention.RetentionWorker>();
        services.AddSingleton<DeliveryClaims>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());

        services.AddMetrics();
        services.AddSingleton<Observability.NotifyMetrics>();
        services.AddSingleton<Observability.WorkerHeartbeats>();
        services.AddHealthChecks()
            .AddCheck<Observability.DatabaseHealthCheck>("database", tags: [Observability.HealthTags.Ready])
            .AddCheck<Observability.WorkersHealthCheck>("workers", tags: [Observability.HealthTags.Ready]);
        return services;
    }

    private static void AddDatabase(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration.GetValue("Notify:Database:Provider", DatabaseProvider.Sqlite);
        var connection = configuration.GetConnectionString("Notify");
        services.AddDbContextFactory<NotifyDbContext>(options =>
        {
            // A capped count ("more than 10,000") takes rows in no order on purpose: ordering them would read them all.
            options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));
            options.AddSearchFunctions();
            if (provider == DatabaseProvider.Postgres)
            {
                options.UseNpgsql(connection ?? throw new InvalidOperationException("ConnectionStrings:Notify is required for PostgreSQL."));
                return;
            }

            var path = Path.Combine(contentRoot, "data", "notify.db");
            options.UseSqlite(string.IsNullOrWhiteSpace(connection) ? $"Data Source={path};Pooling=True" : connection)
                .AddInterceptors(new SqlitePragmaInterceptor());
        });
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddHostedService<SqliteCheckpointer>();
        }
    }

    private static void AddChannels(IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<ChannelSettingsStore>();
        services.AddSingleton<Organisation.OrganisationSettingsStore>();
        services.AddHttpClient(AttachmentFetcher.HttpClientName, (sp, c) =>
            c.Timeout = TimeSpan.FromSeconds(Math.Clamp(sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.TimeoutSeconds, 1, 300)));
        services.AddSingleton<AttachmentFetcher>();
        services.AddSingleton<IChannelProvider, SmtpEmailProvider>();
        services.AddSingleton<IChannelProvider>(new SandboxProvider(Channel.Email));
        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient<TwilioSmsProvider>((sp, c) =>
                c.Timeout = TimeSpan.FromSeconds(Math.Clamp(sp.GetRequiredService<IOptions<SmsOptions>>().Value.Twilio.TimeoutSeconds, 1, 300))).AddHttpMessageHandler<TwilioBaseUrlHandler>();
        services.AddSingleton<IChannelProvider>(sp => sp.GetRequiredService<TwilioSmsProvider>());
        services.AddSingleton<IChannelProvider>(new SandboxProvider(Channel.Sms));

        services.AddSingleton<IChannelProvider, InAppProvider>();
        services.AddOptions<Channels.Webhooks.WebhookOptions>().Bind(configuration.GetSection("Notify:Webhooks"));
        services.AddSingleton<Channels.Webhooks.WebhookEndpoints>();
        services.AddHttpClient<Channels.Webhooks.WebhookProvider>(c => c.Timeout = Timeout.InfiniteTimeSpan); // each call is bounded by its own timeout
        services.AddSingleton<IChannelProvider>(sp => sp.GetRequiredService<Channels.Webhooks.WebhookProvider>());
        services.AddSingleton<InAppMessages>();
        services.AddSingleton<ChannelProviders>();
        services.AddSingleton<SmsStatusService>();
        services.AddSingleton<SmsReplyService>();
    }
}
