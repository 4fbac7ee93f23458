"""The broker for several server processes: events travel between them on one Redis channel.

    publish   delivers to this process's subscribers at once, then queues the event for Redis;
              a background task publishes the queue in pipelined batches. A mutation never waits
              for Redis: while Redis is away, events for other processes are dropped (and
              counted), and mutations go on.
    listen    a background task subscribed to the channel delivers other processes' events here
              (its own, recognised by `origin`, were delivered already). When the connection
              breaks it retries with backoff and subscribes again once Redis is back.

Every process receives every event and filters by topic locally: one channel keeps subscribing
cheap and constant, whatever subscribers come and go. The same channel carries notices that
sessions were revoked (`announce_revocation`): each other process then checks its connections'
sessions at once (`on_revocation`) instead of at its next periodic sweep.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import replace

import structlog
from redis.asyncio import Redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

from server.events.fanout import Fanout, Mailbox, Subscription
from server.events.messages import Event

OUTBOX_LIMIT = 10_000
BATCH = 200
RETRY_FIRST = 0.05
RETRY_MAX = 1.0
STARTUP_WAIT = 2.0
SESSIONS_REVOKED = "sessions_revoked"

log = structlog.get_logger("tessera.events")


class RedisBroker:
    def __init__(self, url: str, channel: str, on_revocation: Callable[[], Awaitable[None]] | None = None) -> None:
        self.url = url
        self.channel = channel
        self._on_revocation = on_revocation
        self._sweeps: set[asyncio.Task[None]] = set()
        self.origin = uuid.uuid4().hex
        self.fanout = Fanout()
        self.dropped = 0
        self.connected = asyncio.Event()
        self._outbox: asyncio.Queue[str] = asyncio.Queue(maxsize=OUTBOX_LIMIT)
        self._client: Redis | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._publishing = True

    def _redis(self) -> Redis:
        """Short timeouts and no library retries: the loops here own retrying, so a Redis that
        is down or unreachable costs a failed attempt, not a stall."""
        return Redis.from_url(
            self.url,
            socket_connect_timeout=1.0,
            socket_timeout=5.0,
            health_check_interval=5,
            retry=Retry(NoBackoff(), 0),
        )

    def idle(self) -> bool:
        """Never: other processes' subscribers are not known here."""
        return False

    def publish(self, event: Event) -> None:
        self.fanout.deliver(event)
        self._send_later(replace(event, origin=self.origin).to_json())

    def announce_revocation(self) -> None:
        self._send_later(json.dumps({"notice": SESSIONS_REVOKED, "origin": self.origin}))

    def _send_later(self, message: str) -> None:
        try:
            self._outbox.put_nowait(message)
        except asyncio.QueueFull:
            self.dropped += 1

    def subscribe(self, topic: str, mailbox: Mailbox) -> Subscription:
        return self.fanout.subscribe(topic, mailbox)

    async def start(self) -> None:
        """Starts publishing and listening, waiting (briefly) for the subscription so a process
        that starts serving already receives other processes' events; a Redis that is down
        delays nothing longer than STARTUP_WAIT."""
        self._client = self._redis()
        self._tasks = [asyncio.create_task(self._publish_loop()), asyncio.create_task(self._listen_loop())]
        with suppress(TimeoutError):
            async with asyncio.timeout(STARTUP_WAIT):
                await self.connected.wait()

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with suppress(asyncio.CancelledError):
                await task
        if self._client is not None:
            await self._client.aclose()

    async def _publish_loop(self) -> None:
        while True:
            batch = [await self._outbox.get()]
            while len(batch) < BATCH and not self._outbox.empty():
                batch.append(self._outbox.get_nowait())
            await self._send(batch)

    async def _send(self, batch: list[str]) -> None:
        """Publishes a batch, trying twice: the first attempt after Redis came back finds the
        pooled connection dead, and the second one connects afresh."""
        assert self._client is not None
        for attempt in (1, 2):
            try:
                async with self._client.pipeline(transaction=False) as pipe:
                    for payload in batch:
                        pipe.publish(self.channel, payload)
                    await pipe.execute()
            except (RedisError, OSError) as exc:
                if attempt == 1:
                    continue
                self.dropped += len(batch)
                if self._publishing:
                    log.warning("events_publish_failed", error=repr(exc), channel=self.channel)
                self._publishing = False
                return
            if not self._publishing:
                log.info("events_publish_resumed", channel=self.channel, dropped=self.dropped)
            self._publishing = True
            return

    async def _listen_loop(self) -> None:
        delay = RETRY_FIRST
        failing = False
        while True:
            client = self._redis()
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                self.connected.set()
                log.info("events_subscribed", channel=self.channel)
                delay, failing = RETRY_FIRST, False
                while True:
                    message = await pubsub.get_message(timeout=1.0)
                    if message is not None:
                        self._receive(message["data"])
            except (RedisError, OSError) as exc:
                if not failing:
                    log.warning("events_subscription_lost", error=repr(exc), channel=self.channel)
                failing = True
                self.connected.clear()
            finally:
                with suppress(RedisError, OSError):
                    await pubsub.aclose()
                with suppress(RedisError, OSError):
                    await client.aclose()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)

    def _receive(self, data: bytes) -> None:
        try:
            message = json.loads(data)
            event = None if message.get("notice") == SESSIONS_REVOKED else Event.from_dict(message)
        except (ValueError, KeyError, TypeError, AttributeError):
            log.warning("events_message_unreadable", channel=self.channel)
            return
        if message.get("origin") == self.origin:
            return
        if event is not None:
            self.fanout.deliver(event)
        elif self._on_revocation is not None:
            sweep = asyncio.create_task(self._on_revocation())
            self._sweeps.add(sweep)
            sweep.add_done_callback(self._sweeps.discard)
