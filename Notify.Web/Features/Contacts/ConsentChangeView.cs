using Notify.Domain.Messaging;

namespace Notify.Web.Features.Contacts;

public sealed record ConsentChangeView(Channel Channel, bool Granted, string ChangedBy, string Source, DateTime At);
