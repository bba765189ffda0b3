namespace KnowledgeGraph.Graph.Model;

/// <summary>The labels, relationship types and property keys of the graph (documented in the README).</summary>
public static class Labels
{
    public const string Organization = "Organization";
    public const string Facility = "Facility";
    public const string Country = "Country";
    public const string Bloc = "Bloc";
    public const string Product = "Product";
    public const string Category = "Category";
    public const string Deal = "Deal";
    public const string Policy = "Policy";

    public static readonly IReadOnlyList<string> All = [Organization, Facility, Country, Bloc, Product, Category, Deal, Policy];
}

public static class Relationships
{
    public const string BasedIn = "BASED_IN";
    public const string Needs = "NEEDS";
    public const string Operates = "OPERATES";
    public const string LocatedIn = "LOCATED_IN";
    public const string Produces = "PRODUCES";
    public const string MemberOf = "MEMBER_OF";
    public const string Supplies = "SUPPLIES";
    public const string InvestedIn = "INVESTED_IN";
    public const string Owns = "OWNS";
    public const string PartyTo = "PARTY_TO";
    public const string EnactedBy = "ENACTED_BY";
    public const string Covers = "COVERS";
    public const string Benefits = "BENEFITS";
    public const string Targets = "TARGETS";
    public const string InCategory = "IN_CATEGORY";

    public static readonly IReadOnlyList<string> All =
        [BasedIn, Needs, Operates, LocatedIn, Produces, MemberOf, Supplies, InvestedIn, Owns, PartyTo, EnactedBy, Covers, Benefits, Targets, InCategory];
}
