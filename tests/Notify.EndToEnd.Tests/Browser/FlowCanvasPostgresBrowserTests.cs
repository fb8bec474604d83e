using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Persistence;

namespace Notify.EndToEnd.Tests.Browser;

/// <summary>The canvas on PostgreSQL: drawn, saved with its layout, reloaded, published and run exactly as on SQLite.</summary>
public sealed class FlowCanvasPostgresBrowserTests(PostgresBrowserFixture browser) : IClassFixture<PostgresBrowserFixture>
{
    [Fact]
    public async Task BranchingFlow_OnPostgres_DrawnSavedReloadedPublished_SendsWhatTheDrawingSays()
    {
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>().CreateDbContextAsync())
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        }

        await FlowCanvasBrowserTests.DrawSaveAndRunABranchingFlowAsync(browser);
    }
}
