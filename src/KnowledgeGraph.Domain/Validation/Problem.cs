namespace KnowledgeGraph.Domain.Validation;

/// <summary>One thing wrong with an input, naming the field (as a JSON path such as <c>data.supplierId</c>).</summary>
public sealed record Problem(string Field, string Reason)
{
    public override string ToString() => Field.Length == 0 ? Reason : $"{Field}: {Reason}";
}
