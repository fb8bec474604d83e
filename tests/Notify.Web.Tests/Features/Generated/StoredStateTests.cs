using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Notify.Workflows.Persistence;

namespace Notify.Web.Tests.Features.Generated;

/// <summary>The fingerprint the generated suite compares sees an added row and a changed field, and nothing else.</summary>
public class StoredStateTests(ApiTestBase.AppFixture fixture) : ApiTestBase(fixture)
{
    private IDbContextFactory<NotifyDbContext> Store => App.Services.GetRequiredService<IDbContextFactory<NotifyDbContext>>();

    [Fact]
    public async Task Fingerprint_ChangesWithAnAddedRowAndAChangedField_AndOnlyThen()
    {
        var first = await StoredState.FingerprintAsync(Store);
        var again = await StoredState.FingerprintAsync(Store);
        (await Api.PutAsJsonAsync("/api/v1/contacts/fingerprint-1", new { name = "Finger Print", emails = new[] { "fp@example.com" } })).EnsureSuccessStatusCode();
        var added = await StoredState.FingerprintAsync(Store);
        await using (var db = await Store.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Contacts\" SET \"Name\" = 'Finger Prints' WHERE \"Key\" = 'fingerprint-1'");
        }

        var changed = await StoredState.FingerprintAsync(Store);

        Assert.Equal(first, again);
        Assert.NotEqual(again, added);
        Assert.NotEqual(added, changed);
        Assert.Equal(added.Split(' ').Length, changed.Split(' ').Length);
    }
}
