"""Live updates: GraphQL subscriptions over graphql-transport-ws.

    types          BalanceEvent and StoreEvent, with the member masked per viewer
    subscriptions  balanceChanged(memberId | cardNo) and storeActivity(storeId)
    connection     one websocket's live state: viewer, bounded mailbox, subscriptions
    transport      the graphql-transport-ws handler that owns it: session checks, slow subscribers
"""
