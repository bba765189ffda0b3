using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Graph.Model;
using KnowledgeGraph.Graph.Ports;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.Subscriptions;

/// <summary>A stored event that changed the answer to a standing question: the firms it added and removed, and the whole answer after it.</summary>
public sealed record AnswerChanged(long Sequence, string EventId, IReadOnlyList<GraphNode> Added, IReadOnlyList<GraphNode> Removed, IReadOnlyList<GraphNode> Answer) : IAtSequence;

/// <summary>
/// Follows a standing question along the stored events: each event that could change its answer is answered again at
/// the knowledge point of that event (the events stored up to it), once the graph has projected it, and compared with
/// the answer just before it. Answers at a knowledge point never change, so a subscriber resumed after any sequence
/// receives exactly the changes a connected one did, no more and no fewer.
/// </summary>
public sealed class StandingAnswers(ProjectionProgress progress, IGraphReader graph, SubscriptionSettings settings, TimeProvider time, ILogger<StandingAnswers> logger)
{
    /// <summary>Whether the events of a kind of stream can change which firms a flagship or stranded-if question lists.</summary>
    private static bool Related(StreamKind kind) => kind switch
    {
        StreamKind.Organization or StreamKind.Deal or StreamKind.Country => true,
        StreamKind.Facility or StreamKind.Policy => false,
    };

    /// <summary>The mapping of one subscription: it keeps the answer before the next event.</summary>
    public Func<StoredEvent, CancellationToken, Task<AnswerChanged?>> Follow(StandingQuestion question)
    {
        var follow = FollowEvents(question);
        return (e, ct) => follow(e.Stream.Kind, e.Sequence, e.EventId, ct);
    }

    /// <summary>
    /// The same for events in order of sequence however they were read (a subscription's feed, a webhook's outbox):
    /// given each event's stream kind, sequence and id, the change it made to the answer, if any.
    /// </summary>
    public Func<StreamKind, long, string, CancellationToken, Task<AnswerChanged?>> FollowEvents(StandingQuestion question)
    {
        IReadOnlyList<GraphNode>? previous = null;
        return async (kind, sequence, eventId, ct) =>
        {
            if (!Related(kind))
            {
                return null;
            }
            while (!await progress.WaitForAsync(sequence, settings.ProjectionWait, ct))
            {
                SubscriptionLog.AnswerWaitsForProjection(logger, sequence, settings.ProjectionWait);
            }
            var today = Today.Of(time);
            previous ??= await question.AnswerAsync(graph.KnownAt(new Knowledge(sequence - 1)), today, ct);
            var answer = await question.AnswerAsync(graph.KnownAt(new Knowledge(sequence)), today, ct);
            var before = previous.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var after = answer.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            var change = new AnswerChanged(sequence, eventId, answer.Where(f => !before.Contains(f.Id)).ToList(),
                previous.Where(f => !after.Contains(f.Id)).ToList(), answer);
            previous = answer;
            return change.Added.Count > 0 || change.Removed.Count > 0 ? change : null;
        };
    }
}
