using System.Text.Json;
using KnowledgeGraph.Domain.Events;

namespace KnowledgeGraph.Domain.Tests;

public class CatalogTests
{
    /// <summary>One event of each type, the stream it names and whether it registers an entity.</summary>
    public static TheoryData<CatalogEvent, string, bool> Examples() => new()
    {
        { new OrganizationRegistered("acme", "Acme", "US", "company"), "org:acme", true },
        { new OrganizationUpdated("acme", Name: "Acme Inc."), "org:acme", false },
        { new FacilityRegistered("plant", "Plant", "acme", "US", "magnet", "operating"), "facility:plant", true },
        { new FacilityStatusChanged("plant", "idle"), "facility:plant", false },
        { new FacilityUpdated("plant", Name: "Plant 2"), "facility:plant", false },
        { new InvestmentMade("inv", "acme", "beta", "equity", "completed"), "deal:inv", true },
        { new InvestmentStatusChanged("inv", "cancelled"), "deal:inv", false },
        { new StakeChanged("inv", 10), "deal:inv", false },
        { new PartnershipFormed("jv", ["acme", "beta"], "joint-venture", "announced"), "deal:jv", true },
        { new PartnershipStatusChanged("jv", "active"), "deal:jv", false },
        { new PartnershipEnded("jv"), "deal:jv", false },
        { new SupplyAgreementSigned("sup", "acme", "beta", "ndfeb-magnet", "signed"), "deal:sup", true },
        { new SupplyAgreementStatusChanged("sup", "signed"), "deal:sup", false },
        { new SupplyAgreementEnded("sup"), "deal:sup", false },
        { new PolicyEnacted("act", "US", "subsidy", "Act"), "policy:act", true },
        { new PolicyAmended("act", Title: "Act 2"), "policy:act", false },
        { new PolicyRevoked("act"), "policy:act", false },
        { new BlocJoined("SE", "NATO"), "country:SE", false },
        { new BlocLeft("SE", "NATO"), "country:SE", false },
        { new EventRetracted("evt-1", "wrong"), "deal:of-evt-1", false },
    };

    [Fact]
    public void EveryCatalogType_DerivesFromTheCatalogEvent_AndHasAnExample()
    {
        Assert.All(EventCatalog.Types, t => Assert.True(t.IsSealed && t.IsSubclassOf(typeof(CatalogEvent)), $"{t.Name} is not a sealed CatalogEvent"));
        Assert.Equal(EventCatalog.Types, Examples().Select(row => row.Data.Item1.GetType()));
    }

    [Fact]
    public void TheCatalogTypes_AreNamedAsTheParametersOfEveryPerTypeTable()
    {
        var parameters = typeof(PerEventType<int>).GetConstructors().Single().GetParameters().Select(p => p.Name);
        Assert.Equal(EventCatalog.Types.Select(t => t.Name), parameters);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void AnEvent_NamesItsStreamAndWhetherItRegisters_WithoutChangingItsWireFormat(CatalogEvent e, string stream, bool registers)
    {
        // A retraction joins the stream of the event it retracts, which the store knows.
        Assert.Equal(stream, e.StreamIn(id => StreamId.Deal($"of-{id}")).ToString());
        Assert.Equal(registers, e.RegistersEntity());
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(e, e.GetType(), EventJson.Options));
        Assert.DoesNotContain(json.RootElement.EnumerateObject(), p => p.Name is "stream" or "streamIn" or "registersEntity");
    }

    [Theory]
    [InlineData(StreamKind.Organization, "jl-mag", "org:jl-mag")]
    [InlineData(StreamKind.Facility, "baotou-1", "facility:baotou-1")]
    [InlineData(StreamKind.Deal, "sup-jl-gm", "deal:sup-jl-gm")]
    [InlineData(StreamKind.Policy, "ira-48c", "policy:ira-48c")]
    [InlineData(StreamKind.Country, "SE", "country:SE")]
    public void AStreamId_FormatsAsOnTheWire_AndParsesBack(StreamKind kind, string key, string wire)
    {
        var id = StreamId.Parse(wire);
        Assert.Equal((kind, key), (id.Kind, id.Key));
        Assert.Equal(wire, id.ToString());
        Assert.Equal(id, StreamId.Parse(id.ToString()));
    }

    [Fact]
    public void EveryStreamKind_RoundTrips()
    {
        Assert.All(Enum.GetValues<StreamKind>(), kind =>
        {
            var wire = StreamId.Prefix(kind) + "x";
            Assert.Equal(kind, StreamId.Parse(wire).Kind);
            Assert.Equal(wire, StreamId.Parse(wire).ToString());
        });
    }

    [Theory]
    [InlineData("nonsense", "expected kind:key")]
    [InlineData("org:", "the key after 'org:' is empty")]
    [InlineData(":x", "'' is not a stream kind")]
    [InlineData("company:acme", "'company' is not a stream kind")]
    public void AStreamId_RefusesWhatIsNotOne_SayingWhy(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => StreamId.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(StreamId.TryParse(text, out _));
    }

    [Fact]
    public void AKnownEvent_KeepsItsStreamAsTheWireString()
    {
        var json = JsonSerializer.Serialize(new KnownEvent("f", "PartnershipEnded", StreamId.Deal("jv"), null), EventJson.Options);
        Assert.Contains("\"stream\":\"deal:jv\"", json, StringComparison.Ordinal);
        Assert.Equal(StreamId.Deal("jv"), JsonSerializer.Deserialize<KnownEvent>(json, EventJson.Options)!.Stream);
    }
}
