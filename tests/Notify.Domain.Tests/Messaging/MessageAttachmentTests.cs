using Notify.Domain.Messaging;

namespace Notify.Domain.Tests.Messaging;

public sealed class MessageAttachmentTests
{
    [Fact]
    public void FromData_ReadsUrlAndBase64Files_AndSaysWhichEntriesWereLeftOut()
    {
        var notes = new List<string>();

        var files = MessageAttachment.FromData("""
            {"attachments":[
              {"name":"invoice.pdf","url":"https://files.example.com/i/4711.pdf","contentType":"application/pdf"},
              {"name":"../../etc/note.txt","contentBase64":"R2F0ZSBjb2RlIDQ3MTE="},
              {"name":"both.pdf","url":"https://files.example.com/b.pdf","contentBase64":"QQ=="},
              {"name":"ftp.pdf","url":"ftp://files.example.com/f.pdf"},
              {"url":"https://files.example.com/nameless.pdf"},
              {"name":"broken.bin","contentBase64":"not base64!"},
              "just text"
            ]}
            """, notes);

        Assert.Equal(
            [new MessageAttachment("invoice.pdf", "https://files.example.com/i/4711.pdf", null, "application/pdf"),
             new MessageAttachment("note.txt", null, "R2F0ZSBjb2RlIDQ3MTE=", "application/octet-stream")],
            files);
        Assert.Equal(["attachments[2]", "attachments[3]", "attachments[4]", "attachments[5]", "attachments[6]"], notes.Select(n => n.Split(' ')[0]));
    }

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("""{"attachments":"invoice.pdf"}""", 1)]
    [InlineData("not json", 1)]
    public void FromData_NothingToAttach_AttachesNothing(string data, int noteCount)
    {
        var notes = new List<string>();

        Assert.Empty(MessageAttachment.FromData(data, notes));
        Assert.Equal(noteCount, notes.Count);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        IReadOnlyList<MessageAttachment> files = [new("a.pdf", "https://x.example/a.pdf", null, "application/pdf")];

        Assert.Equal(files, MessageAttachment.FromJson(MessageAttachment.ToJson(files)));
        Assert.Null(MessageAttachment.ToJson([]));
        Assert.Empty(MessageAttachment.FromJson(null));
    }
}
