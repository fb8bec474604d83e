"""An aiosmtpd handler that stores each message at once but confirms it only after a delay, as a slow server would."""
import asyncio

from aiosmtpd.handlers import Mailbox


class SlowMailbox(Mailbox):
    def __init__(self, mail_dir, delay_seconds):
        super().__init__(mail_dir)
        self.delay = float(delay_seconds)

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(self.delay)
        return answer

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("SlowMailbox takes a Maildir and a delay in seconds")
        return cls(args[0], args[1])
