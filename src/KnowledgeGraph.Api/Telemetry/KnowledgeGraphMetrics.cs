using System.Diagnostics.Metrics;

namespace KnowledgeGraph.Api.Telemetry;

/// <summary>
/// The product's own instruments, on the meter <c>KnowledgeGraph</c>: what each question cost, webhook deliveries by
/// outcome, subscriptions held; the projection's lag and the store's head are observed by <see cref="StoreSampler"/>.
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

    private static Func<StoreSample> _latest = () => new StoreSample(0, 0);

    static KnowledgeGraphMetrics()
    {
        Meter.CreateObservableGauge("kg.projection.lag", () => _latest().ProjectionLag, "{event}",
            "Events stored and not yet in the graph (the projection's durable checkpoint)");
        Meter.CreateObservableCounter("kg.events.stored", () => _latest().LastStoredSequence, "{event}",
            "The event store's last sequence: its rate is the import rate");
    }

    /// <summary>Observed from the latest sample, so that a scrape never waits for the database.</summary>
    internal static void ObserveStore(Func<StoreSample> latest) => _latest = latest;
}

internal sealed record StoreSample(long LastStoredSequence, long ProjectionLag);
