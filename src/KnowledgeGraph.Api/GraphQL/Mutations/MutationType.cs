using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Transport;
using KnowledgeGraph.Api.Webhooks;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;
using KnowledgeGraph.EventStore.Import;

namespace KnowledgeGraph.Api.GraphQL.Mutations;

/// <summary>
/// One mutation per event type of the catalog, and <c>retractEvent</c>. Each builds one line of the import format and
/// records it through the importer, so that a mutation is validated exactly as an imported line. API key required.
/// </summary>
public sealed class MutationType : ObjectGraphType
{
    /// <summary>The mutation of each event type; a retraction has its own, <c>retractEvent</c>, below.</summary>
    private static readonly PerEventType<string?> Names = new(
        OrganizationRegistered: "registerOrganization",
        OrganizationUpdated: "updateOrganization",
        FacilityRegistered: "registerFacility",
        FacilityStatusChanged: "changeFacilityStatus",
        FacilityUpdated: "updateFacility",
        InvestmentMade: "recordInvestment",
        InvestmentStatusChanged: "changeInvestmentStatus",
        StakeChanged: "changeStake",
        PartnershipFormed: "recordPartnership",
        PartnershipStatusChanged: "changePartnershipStatus",
        PartnershipEnded: "endPartnership",
        SupplyAgreementSigned: "recordSupplyAgreement",
        SupplyAgreementStatusChanged: "changeSupplyAgreementStatus",
        SupplyAgreementEnded: "endSupplyAgreement",
        PolicyEnacted: "enactPolicy",
        PolicyAmended: "amendPolicy",
        PolicyRevoked: "revokePolicy",
        BlocJoined: "joinBloc",
        BlocLeft: "leaveBloc",
        EventRetracted: null);

    public MutationType()
    {
        Name = "Mutation";
        foreach (var (type, name) in EventCatalog.Each(Names))
        {
            if (name is null)
            {
                continue;
            }
            Field<NonNullGraphType<MutationResultType>>(name)
                .Description($"Records a {type.Name} event (API key required).")
                .Arguments(new QueryArgument(new NonNullGraphType(new EventInputType(type))) { Name = "input" })
                .ResolveAsync(async ctx =>
                {
                    ctx.RequireApiKey();
                    return await RecordAsync(ctx, type.Name, ctx.GetArgument<Dictionary<string, object?>>("input"));
                });
        }
        Field<NonNullGraphType<MutationResultType>>("retractEvent")
            .Description("Retracts an event: its effect is removed everywhere, and the retraction stays visible (API key required).")
            .Argument<NonNullGraphType<StringGraphType>>("eventId")
            .Argument<NonNullGraphType<StringGraphType>>("reason")
            .Argument<SourceInputType>("source", "The source of the correction; by default the reason, published by the API's user.")
            .Argument<DateGraphType>("effectiveDate", "Default: today.")
            .Argument<StringGraphType>("id", "The retraction's own event id; generated when omitted.")
            .ResolveAsync(async ctx =>
            {
                ctx.RequireApiKey();
                var reason = ctx.GetArgument<string>("reason");
                var input = new Dictionary<string, object?>
                {
                    ["id"] = ctx.GetArgument<string?>("id"),
                    ["effectiveDate"] = ctx.GetArgument<DateOnly?>("effectiveDate") ?? Today.Of(ctx.RequestServices!),
                    ["source"] = ctx.GetArgument<Dictionary<string, object?>?>("source")
                        ?? new Dictionary<string, object?> { ["title"] = $"Retraction: {reason}", ["publisher"] = "KnowledgeGraph API user" },
                    ["eventId"] = ctx.GetArgument<string>("eventId"),
                    ["reason"] = reason,
                };
                return await RecordAsync(ctx, nameof(EventRetracted), input);
            });
        this.AddWebhookMutations();
    }

    private static async Task<MutationOutcome> RecordAsync(IResolveFieldContext ctx, string type, Dictionary<string, object?> input)
    {
        var line = ToLine(type, input);
        var importer = ctx.RequestServices!.GetRequiredService<Importer>();
        var summary = await importer.ImportAsync([new InputLine("mutation", 1, line.ToJsonString())], ct: ctx.CancellationToken);
        var id = line["id"]!.GetValue<string>();
        return summary.Rejections is [var rejection]
            ? new MutationOutcome(null, false, false, rejection.Problems.Select(p => (p.Field, p.Reason)).ToList())
            : new MutationOutcome(id, summary.Stored == 1, summary.Unchanged == 1, []);
    }

    /// <summary>The line of the import format the input stands for.</summary>
    internal static JsonObject ToLine(string type, Dictionary<string, object?> input)
    {
        var data = new JsonObject();
        foreach (var (key, value) in input.Where(i => i.Key is not ("id" or "effectiveDate" or "source") && i.Value is not null))
        {
            data[key] = Json(value);
        }
        return new JsonObject
        {
            ["id"] = input.GetValueOrDefault("id") as string ?? $"evt-{Guid.NewGuid():N}",
            ["type"] = type,
            ["effectiveDate"] = Json(input["effectiveDate"]),
            ["source"] = Json(input["source"]),
            ["data"] = data,
        };
    }

    private static JsonNode? Json(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        DateOnly d => JsonValue.Create(Dates.Format(d)),
        decimal m => JsonValue.Create(m),
        int i => JsonValue.Create(i),
        Dictionary<string, object?> map => new JsonObject(map.Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, Json(kv.Value)))),
        IEnumerable<object?> list => new JsonArray(list.Select(Json).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
