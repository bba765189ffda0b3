using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Vocabulary;

namespace KnowledgeGraph.Domain.Validation;

internal static class PolicyRules
{
    public static void Enacted(PolicyEnacted e, Checks checks)
    {
        if (checks.Slug("policyId", e.PolicyId) && checks.World.PolicyRevoked(e.PolicyId) is not null)
        {
            checks.Fail("policyId", $"policy '{e.PolicyId}' is already enacted");
        }
        checks.CountryOrBloc("jurisdiction", e.Jurisdiction);
        checks.OneOf("kind", e.Kind, Vocabularies.PolicyKinds, "policy kind");
        Targets(e.Products, e.BeneficiaryIds, e.TargetCountries, checks);
    }

    public static void Amended(PolicyAmended e, Checks checks)
    {
        InForce(e.PolicyId, checks);
        if (e is { Title: null, Products: null, BeneficiaryIds: null, TargetCountries: null })
        {
            checks.Fail("policyId", "an amendment must change at least one of title, products, beneficiaryIds, targetCountries");
        }
        Targets(e.Products, e.BeneficiaryIds, e.TargetCountries, checks);
    }

    public static void Revoked(PolicyRevoked e, Checks checks) => InForce(e.PolicyId, checks);

    private static void InForce(string policyId, Checks checks)
    {
        if (!checks.Slug("policyId", policyId))
        {
            return;
        }
        switch (checks.World.PolicyRevoked(policyId))
        {
            case null: checks.Fail("policyId", $"unknown policy '{policyId}'"); break;
            case true: checks.Fail("policyId", $"policy '{policyId}' is already revoked"); break;
        }
    }

    private static void Targets(IReadOnlyList<string>? products, IReadOnlyList<string>? beneficiaries, IReadOnlyList<string>? countries, Checks checks)
    {
        checks.ProductsOrCategories("products", products);
        checks.Organizations("beneficiaryIds", beneficiaries);
        checks.CountryList("targetCountries", countries);
    }
}
