using KnowledgeGraph.Api.GraphQL.Transport;

namespace KnowledgeGraph.Api.Tests.GraphQLHttp;

public class ApiKeysTests
{
    private readonly ApiKeys _keys = new(" first-key , second-key ,");

    [Theory]
    [InlineData("Bearer first-key")]
    [InlineData("bearer second-key")]
    public void Check_AcceptsAnyConfiguredKey_AsABearerToken(string header) =>
        Assert.Equal(Credentials.ValidKey, _keys.Check(header));

    [Theory]
    [InlineData("Bearer first-ke")]
    [InlineData("Bearer first-key-and-more")]
    [InlineData("Basic first-key")]
    [InlineData("Bearer ")]
    public void Check_RefusesAnythingElse_WhenAHeaderIsSent(string header) =>
        Assert.Equal(Credentials.InvalidKey, _keys.Check(header));

    [Fact]
    public void Check_IsAnonymous_WhenNoHeaderIsSent() =>
        Assert.Equal(Credentials.Anonymous, _keys.Check(default));

    [Fact]
    public void Check_RefusesEveryKey_WhenNoneIsConfigured() =>
        Assert.Equal(Credentials.InvalidKey, new ApiKeys(null).Check("Bearer "));
}
