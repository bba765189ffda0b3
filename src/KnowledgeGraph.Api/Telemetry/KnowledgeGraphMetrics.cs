using System.Diagnostics.Metrics;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>
/// The product's own instruments, on the meter <c>KnowledgeGraph</c>: what each question cost, webhook deliveries by
/// outcome, subscriptions held; the projection's lag and the store's head (from <see cref="StoreSampler"/>) and the
/// GraphQL requests answered are observed per application.
/// HTTP requests are counted by the ASP.NET Core instrumentation (<c>http.server.request.duration</c>).
/// </summary>
public static class KnowledgeGraphMetrics
{
    public const string MeterName = "KnowledgeGraph";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> QuestionCost = Meter.CreateHistogram<double>(
        "kg.graphql.cost", "{cost}", "The computed cost of each GraphQL operation (HTTP and WebSocket)");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "kg.webhook.deliveries", "{delivery}", "Webhook deliveries ended, by outcome (acknowledged, dead-lettered)");

    public static readonly UpDownCounter<long> Subscriptions = Meter.CreateUpDownCounter<long>(
        "kg.subscriptions", "{subscription}", "GraphQL subscriptions held open by this process");

    /// <summary>
    /// The store's instruments, on a meter of the application's own (disposed with it), each measurement tagged with
    /// the database it describes; observed from the latest sample, so that a scrape never waits for the database.
    /// </summary>
    internal static Meter ObserveApplication(Func<StoreSample> latest, Func<long> graphqlRequests, Func<long> cachedAnswers, string database)
    {
        var meter = new Meter(MeterName);
        var tag = new KeyValuePair<string, object?>("db.namespace", database);
        meter.CreateObservableGauge("kg.projection.lag", () => new Measurement<long>(latest().ProjectionLag, tag), "{event}",
            "Events stored and not yet in the graph (the projection's durable checkpoint)");
        meter.CreateObservableCounter("kg.events.stored", () => new Measurement<long>(latest().LastStoredSequence, tag), "{event}",
            "The event store's last sequence: its rate is the import rate");
        meter.CreateObservableCounter("kg.graphql.requests", () => new Measurement<long>(graphqlRequests(), tag), "{request}",
            "GraphQL requests answered over HTTP, whatever their outcome");
        meter.CreateObservableCounter("kg.graphql.answers.cached", () => new Measurement<long>(cachedAnswers(), tag), "{request}",
            "GraphQL queries answered from the answer cache, without running them (KG_ANSWER_CACHE_MB)");
        return meter;
    }
}

internal sealed record StoreSample(long LastStoredSequence, long ProjectionLag);
