using System.Globalization;
using KnowledgeGraph.Domain.Events;
using KnowledgeGraph.Domain.Validation;

namespace KnowledgeGraph.Domain.Tests;

public class EventJsonTests
{
    [Fact]
    public void EveryCatalogType_HasGeneratedSerialization()
    {
        var missing = EventCatalog.Types.Where(t => EventJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.Name);
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("0000-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-13-01")]
    [InlineData("2024-04-31")]
    [InlineData("2024-1-01")]
    [InlineData(" 2024-01-01")]
    [InlineData("2024-01-01 ")]
    [InlineData("2024/01/01")]
    [InlineData("２０２４-01-01")]
    [InlineData("2024-01-01T00:00")]
    [InlineData("")]
    public void Dates_ParseExactlyAsTheFrameworkDoes(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        Assert.Equal((expected, date), (Dates.TryParse(text, out var parsed), parsed));
    }
}
