using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.EventStore.Settings;

/// <summary>A whole number, or a number of seconds (decimals allowed), above 0.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AboveZeroAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        null or int and > 0 => ValidationResult.Success,
        double seconds when seconds > 0 && double.IsFinite(seconds) => ValidationResult.Success,
        int => Setting.Refuse(validationContext, value, "a whole number above 0"),
        _ => Setting.Refuse(validationContext, value, "a number of seconds above 0 (e.g. 10 or 0.5)"),
    };
}

/// <summary>A whole number, 0 or more (0 turns the feature off).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AtLeastZeroAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null or int and >= 0 ? ValidationResult.Success : Setting.Refuse(validationContext, value, "a whole number, 0 or more");
}

/// <summary>One of a closed set of words (compared ignoring case); unset keeps the default.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null or "" || allowed.Contains((string)value, StringComparer.OrdinalIgnoreCase)
            ? ValidationResult.Success
            : Setting.Refuse(validationContext, value, $"one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}");
}

/// <summary>An absolute http(s) address, e.g. http://localhost:7474; unset is allowed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpAddressAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null or "" || (Uri.TryCreate((string)value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            ? ValidationResult.Success
            : Setting.Refuse(validationContext, value, "an absolute http(s) address (e.g. http://localhost:7474)");
}

/// <summary>A TCP port, 1 to 65535.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null or int and >= 1 and <= 65535 ? ValidationResult.Success : Setting.Refuse(validationContext, value, "a port from 1 to 65535");
}

/// <summary>The name a setting is configured by, read from its property, so that every message names what to fix.</summary>
public static class Setting
{
    public static string Name(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var property = context.MemberName is { } member ? context.ObjectType.GetProperty(member) : null;
        return property?.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? context.MemberName ?? context.DisplayName;
    }

    /// <summary>The name of a property of <typeparamref name="T"/>, for rules that look at several settings.</summary>
    public static string Name<T>(string property) =>
        typeof(T).GetProperty(property)?.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property;

    internal static ValidationResult Refuse(ValidationContext context, object? value, string expected) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Name(context)} is '{value}'; it must be {expected}"), context.MemberName is { } m ? [m] : null);
}
