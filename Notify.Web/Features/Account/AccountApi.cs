using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Account;

public static class AccountApi
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        // Signing out takes the page's antiforgery token: another site cannot sign a person out behind their back.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<NotifyUser> signIn) =>
        {
            if (!await IsValidAsync(antiforgery, context))
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["__RequestVerificationToken"] = ["is missing or not this page's: sign out from the menu."] },
                    title: "Sign out needs the page's antiforgery token.");
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/login");
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The token checks out; a body that cannot be read as a form (a broken multipart) does not.</summary>
    private static async Task<bool> IsValidAsync(IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false; // whatever stops the check (a body that is not a form, a broken multipart) means no valid token
        }
    }
}
