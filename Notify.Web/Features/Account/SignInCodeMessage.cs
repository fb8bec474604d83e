using Notify.Domain.Messaging;
using Notify.Domain.Messaging.Sms;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;

namespace Notify.Web.Features.Account;

/// <summary>
/// A new one-time sign-in code for a person, queued as an ordinary delivery in the caller's unit of work. The send log
/// and the API only ever see the text with the code blanked out.
/// </summary>
public static class SignInCodeMessage
{
    public static void Queue(NotifyDbContext db, NotifyUser user, Channel channel, string address, string? contactKey, string intro, string signInUrl, DateTime now)
    {
        var (code, plain) = SignInCode.Create(user.Id, now);
        db.SignInCodes.Add(code);
        var body = $"{intro}Your Notify sign-in code is {plain}. It works once, within 15 minutes, at {signInUrl}";
        db.Deliveries.Add(Delivery.Queue(new DeliveryDraft
        {
            DeliveryKey = $"login:{code.Id:N}", Channel = channel, Address = address, RecipientName = user.DisplayName, ContactKey = contactKey,
            Subject = channel == Channel.Email ? "Your Notify sign-in code" : null, Body = body,
            RedactedBody = body.Replace(plain, "······", StringComparison.Ordinal),
            Segments = channel == Channel.Sms ? SmsBody.Measure(body).Segments : 0,
        }, now));
    }
}
