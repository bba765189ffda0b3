using GraphQL;
using GraphQL.Execution;
using KnowledgeGraph.Graph.Queries;

namespace KnowledgeGraph.Api.GraphQL.Transport;

/// <summary>
/// Turns an exception thrown by a resolver into a GraphQL error the client can act on: a question asked wrongly
/// (<see cref="QueryInputException"/>) names the argument at fault; anything else is logged here and reported without
/// its type or stack trace, so that a resolver's failure is an entry in <c>errors</c>, never an HTTP 500.
/// </summary>
internal static partial class ResolverErrors
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    public static void Handle(UnhandledExceptionContext context)
    {
        if (context.OriginalException is QueryInputException input)
        {
            context.Exception = new BadUserInputError(input.Field, input.Message);
            return;
        }
        var field = context.FieldContext?.FieldDefinition.Name;
        var services = context.Context?.RequestServices ?? context.ExecutionOptions?.RequestServices;
        var logger = services?.GetService<ILogger<GraphQLEndpoint>>();
        if (logger is not null)
        {
            LogFailure(logger, context.OriginalException, field ?? "(document)");
        }
        context.Exception = new ExecutionError(field is null
            ? "The request failed on the server; it has been logged."
            : $"The field '{field}' failed on the server; it has been logged.")
        {
            Code = InternalError,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL resolver of {Field} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string field);
}

/// <summary>An argument the graph cannot answer for; <c>extensions.field</c> names it.</summary>
internal sealed class BadUserInputError : ExecutionError
{
    public BadUserInputError(string field, string message) : base(message)
    {
        Code = ResolverErrors.BadUserInput;
        Field = field;
    }

    public string Field { get; }
}

/// <summary>GraphQL.NET's error shaping (message, locations, path, <c>extensions.code</c>), plus the argument at fault.</summary>
internal sealed class KnowledgeGraphErrorInfoProvider() : ErrorInfoProvider(o =>
{
    o.ExposeExceptionDetails = false;
    o.ExposeData = false;
})
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is BadUserInputError input)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["field"] = input.Field;
        }
        return info;
    }
}
