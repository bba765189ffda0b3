namespace KnowledgeGraph.Cli;

internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int Failed = 2;
}
