namespace KnowledgeGraph.Api.Webhooks;

/// <summary>
/// The delivery state's tables; created by whichever process needs them first, one process at a time. A webhook
/// follows either deal events (its <c>filter</c>) or the answer to a standing <c>question</c>; its <c>cursor</c> is the last sequence the outbox subscription has examined for it; <c>outbox</c> holds its deliveries,
/// each row written with the subscription's checkpoint and holding the payload exactly as it is sent.
/// </summary>
internal static class WebhookSql
{
    public const string Install = $"""
        SELECT pg_advisory_xact_lock(hashtext('{WebhookStore.Schema}.install'));
        CREATE SCHEMA IF NOT EXISTS {WebhookStore.Schema};
        CREATE TABLE IF NOT EXISTS {WebhookStore.Schema}.webhooks (
            id uuid PRIMARY KEY,
            url text NOT NULL,
            filter jsonb NOT NULL,
            question jsonb,
            secret text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            cursor bigint NOT NULL);
        -- Registries created before webhooks could stand on a question.
        ALTER TABLE {WebhookStore.Schema}.webhooks ADD COLUMN IF NOT EXISTS question jsonb;
        CREATE TABLE IF NOT EXISTS {WebhookStore.Schema}.outbox (
            webhook_id uuid NOT NULL REFERENCES {WebhookStore.Schema}.webhooks ON DELETE CASCADE,
            sequence bigint NOT NULL,
            event_id text NOT NULL,
            body bytea NOT NULL,
            content_type text NOT NULL,
            attempts int NOT NULL DEFAULT 0,
            last_error text,
            acknowledged_at timestamptz,
            PRIMARY KEY (webhook_id, sequence));
        CREATE TABLE IF NOT EXISTS {WebhookStore.Schema}.dead_letters (
            id uuid PRIMARY KEY,
            webhook_id uuid NOT NULL REFERENCES {WebhookStore.Schema}.webhooks ON DELETE CASCADE,
            sequence bigint NOT NULL,
            event_id text NOT NULL,
            attempts int NOT NULL,
            last_error text NOT NULL,
            failed_at timestamptz NOT NULL,
            replay_requested boolean NOT NULL DEFAULT false,
            UNIQUE (webhook_id, sequence));
        """;
}
