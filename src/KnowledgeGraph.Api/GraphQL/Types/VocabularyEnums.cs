using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// A closed vocabulary of the import format as a GraphQL enum: each stored value (<c>under-construction</c>) is the
/// value of a SCREAMING_CASE name (<c>UNDER_CONSTRUCTION</c>), so resolvers return and arguments receive stored strings.
/// </summary>
public abstract class VocabularyGraphType : EnumerationGraphType
{
    protected VocabularyGraphType(string name, string description, IEnumerable<string> values)
    {
        Name = name;
        Description = $"{description} The import format's values, upper-cased, with _ for -.";
        foreach (var value in values)
        {
            Add(NameOf(value), value);
        }
    }

    public static string NameOf(string value) => value.ToUpperInvariant().Replace('-', '_');
}

public sealed class StageGraphType() : VocabularyGraphType("Stage", "A stage of the supply chain.", Vocabularies.Stages);

public sealed class OrganizationKindGraphType() : VocabularyGraphType("OrganizationKind", "What an organization is.", Vocabularies.OrganizationKinds);

public sealed class FacilityStatusGraphType() : VocabularyGraphType("FacilityStatus", "Where a facility stands.", Vocabularies.FacilityStatuses);

public sealed class DealKindGraphType() : VocabularyGraphType("DealKind", "An investment, a partnership or a supply agreement.", ["investment", "partnership", "supply"]);

public sealed class DealStatusGraphType() : VocabularyGraphType("DealStatus",
    "A deal's latest status: an investment's, a partnership's or a supply agreement's, or ended.",
    ["proposed", "announced", "completed", "cancelled", "active", "signed", "ended"]);

public sealed class InvestmentStatusGraphType() : VocabularyGraphType("InvestmentStatus", "An investment's status over time.",
    [.. Vocabularies.InvestmentStatusesAtStart, "cancelled"]);

public sealed class SupplyStatusGraphType() : VocabularyGraphType("SupplyStatus", "signed, or proposed (shown, never counted as supply).", Vocabularies.SupplyStatuses);

public sealed class InstrumentGraphType() : VocabularyGraphType("Instrument", "How an investment is made.", Vocabularies.InvestmentInstruments);

public sealed class PartnershipKindGraphType() : VocabularyGraphType("PartnershipKind", "What a partnership is.", Vocabularies.PartnershipKinds);

public sealed class PolicyKindGraphType() : VocabularyGraphType("PolicyKind", "What a policy does.", Vocabularies.PolicyKinds);

public sealed class PolicyStatusGraphType() : VocabularyGraphType("PolicyStatus", "In force, or revoked.", ["in-force", "revoked"]);

public sealed class PartyRoleGraphType() : VocabularyGraphType("PartyRole", "An organization's role in a deal.", ["investor", "target", "supplier", "buyer", "party"]);

/// <summary>The relationship types keep their stored names, already SCREAMING_CASE.</summary>
public sealed class RelationshipTypeGraphType() : VocabularyGraphType("RelationshipType", "A type of relationship of the graph.", Relationships.All);
