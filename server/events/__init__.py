"""Live events: what changed, published after commit to whoever subscribed.

    messages        Event (member, card, balances, points, transfer, store, time) and its topics
    subscribing     who may subscribe to which topic
    fanout          in-process delivery: topics → subscriptions, each connection's bounded mailbox
    brokers         the Broker interface and the in-process broker
    redis_pubsub    the broker that carries events between server processes through Redis
    lifecycle       the broker this process runs, started and stopped with the application
    snapshots       events built from committed rows (balances and points read after the commit)
    publishing      `publishes`: a service decorator that publishes after the service returns
    session_checks  batched "is this session still valid?" checks for live connections

Events are best effort: a missing or failing broker never fails the mutation that caused them.
"""
