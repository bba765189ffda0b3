using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Cli.Generate;

/// <summary>
/// A synthetic event file: bloc memberships first, then one organization at a time with what it does at once
/// (facilities, supply agreements, investments, partnerships, policies), interleaved with what happens later to
/// earlier ones. Everything an event refers to comes before it in the file. Lazy: nothing is held but the
/// organizations and the pending follow-ups.
/// </summary>
internal static class EventGenerator
{
    public static IEnumerable<EventEnvelope> Generate(int orgs, int seed, IProgress<int>? progress = null)
    {
        foreach (var membership in BlocHistory.Events())
        {
            yield return membership;
        }
        var g = new Generation(seed);
        for (var number = 1; number <= orgs; number++)
        {
            g.Current = number;
            var (org, registered) = Organizations.Register(number, g);
            yield return registered;
            foreach (var e in Facilities.Of(org, g)
                .Concat(SupplyDeals.Of(org, g))
                .Concat(Investments.Of(org, g))
                .Concat(Partnerships.Of(org, g))
                .Concat(Policies.Of(org, g)))
            {
                yield return e;
            }
            // Added only now, so that an organization never turns up as its own counterparty.
            g.Orgs.Add(org);
            foreach (var e in g.Later.DueBy(number))
            {
                yield return e;
            }
            progress?.Report(number);
        }
        foreach (var e in g.Later.DueBy(int.MaxValue))
        {
            yield return e;
        }
    }
}
