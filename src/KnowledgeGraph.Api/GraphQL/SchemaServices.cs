using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.EventStore.Import;
using Marten;

namespace KnowledgeGraph.Api.GraphQL;

public static class SchemaServices
{
    /// <summary>What the resolvers use: per-request loaders over the graph reader, and the importer that records mutations.</summary>
    public static IServiceCollection AddKnowledgeGraphSchema(this IServiceCollection services, string connectionString)
    {
        services.AddScoped<GraphLoaders>();
        services.AddSingleton(sp => new Importer(sp.GetRequiredService<IDocumentStore>(), connectionString));
        return services;
    }
}
