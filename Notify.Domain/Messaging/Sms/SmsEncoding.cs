namespace Notify.Domain.Messaging.Sms;

public enum SmsEncoding
{
    /// <summary>GSM 03.38 default alphabet: 160 characters in one segment, 153 per segment when split.</summary>
    Gsm7,

    /// <summary>Any character outside GSM-7 switches the whole message: 70 in one segment, 67 when split.</summary>
    Ucs2,
}
