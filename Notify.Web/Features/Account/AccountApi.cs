using Microsoft.AspNetCore.Identity;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Account;

public static class AccountApi
{
    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (SignInManager<NotifyUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login");
        });
        return app;
    }
}
