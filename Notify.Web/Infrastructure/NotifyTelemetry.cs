using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Notify.Workflows.Observability;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Notify.Web.Infrastructure;

/// <summary>
/// What an operator watches: <c>/health/live</c> and <c>/health/ready</c>, metrics at <c>/metrics</c> (Prometheus) and by
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, traces by OTLP, and JSON logs when <c>Notify__Logging__Json=true</c>.
/// </summary>
public static class NotifyTelemetry
{
    public static WebApplicationBuilder AddNotifyTelemetry(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Notify:Logging:Json", false))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("notify"))
            .WithMetrics(m => m.AddMeter(NotifyMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter())
            .WithTracing(t => t.AddSource(NotifyTracing.SourceName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapNotifyHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The verdict and, for readiness, each check's own, in words an operator can act on.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = Word(report.Status),
            checks = report.Entries.Select(e => new { name = e.Key, status = Word(e.Value.Status), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private static string Word(HealthStatus status) => status.ToString().ToLowerInvariant();
}
