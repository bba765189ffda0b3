using GraphQL.Types;
using KnowledgeGraph.Domain.Vocabulary;
using KnowledgeGraph.Graph.Model;

namespace KnowledgeGraph.Api.GraphQL;

// The closed vocabularies as GraphQL enums over the domain's own enums: GraphQL.NET names each member in
// SCREAMING_CASE (UnderConstruction is UNDER_CONSTRUCTION, the wire's under-construction upper-cased), resolvers
// return the typed records' values and arguments arrive as them.

public sealed class StageGraphType : EnumerationGraphType<Stage>
{
    public StageGraphType() => Description = "A stage of the supply chain.";
}

public sealed class OrganizationKindGraphType : EnumerationGraphType<OrganizationKind>
{
    public OrganizationKindGraphType() => Description = "What an organization is.";
}

public sealed class FacilityStatusGraphType : EnumerationGraphType<FacilityStatus>
{
    public FacilityStatusGraphType() => Description = "Where a facility stands.";
}

public sealed class DealKindGraphType : EnumerationGraphType<DealKind>
{
    public DealKindGraphType() => Description = "An investment, a partnership or a supply agreement.";
}

public sealed class DealStatusGraphType : EnumerationGraphType<DealStatus>
{
    public DealStatusGraphType() => Description = "A deal's status: an investment's, a partnership's or a supply agreement's, or ended.";
}

public sealed class InstrumentGraphType : EnumerationGraphType<InvestmentInstrument>
{
    public InstrumentGraphType()
    {
        Name = "Instrument";
        Description = "How an investment is made.";
    }
}

public sealed class PartnershipKindGraphType : EnumerationGraphType<PartnershipKind>
{
    public PartnershipKindGraphType() => Description = "What a partnership is.";
}

public sealed class PolicyKindGraphType : EnumerationGraphType<PolicyKind>
{
    public PolicyKindGraphType() => Description = "What a policy does.";
}

public sealed class PolicyStatusGraphType : EnumerationGraphType<PolicyStatus>
{
    public PolicyStatusGraphType() => Description = "In force, or revoked.";
}

public sealed class PartyRoleGraphType : EnumerationGraphType<DealRole>
{
    public PartyRoleGraphType()
    {
        Name = "PartyRole";
        Description = "An organization's role in a deal.";
    }
}

/// <summary>The relationship types keep their stored names, already SCREAMING_CASE.</summary>
public sealed class RelationshipTypeGraphType : EnumerationGraphType
{
    public RelationshipTypeGraphType()
    {
        Name = "RelationshipType";
        Description = "A type of relationship of the graph.";
        foreach (var type in Relationships.All)
        {
            Add(type, type);
        }
    }
}
