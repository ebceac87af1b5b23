using System.Reflection;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.UnitTests;

/// <summary>
/// Pages read flat read models, never entities: no view's model is, or holds anywhere inside it,
/// a type the database maps (an entity or an owned type). A page that held an entity could show,
/// or a form bind, more than it should, and could make decisions the entity should make.
/// </summary>
public sealed class ViewModelTests
{
    private static readonly HashSet<Type> EntityTypes = LoadEntityTypes();

    [Fact]
    public void NoViewModel_IsOrHoldsAnEntity()
    {
        var views = typeof(CoProduceDbContext).Assembly.GetTypes()
            .Select(t => (View: t, Model: ModelOf(t)))
            .Where(v => v.Model is not null)
            .ToList();
        Assert.True(views.Count > 40, "The compiled views were not found");

        var offences = views
            .SelectMany(v => EntitiesIn(v.Model!, [], $"{v.View.Name}: {v.Model!.Name}"))
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, string.Join('\n', offences));
    }

    [Fact]
    public void Check_WouldCatchAnEntityDeepInsideAModel()
    {
        Assert.Contains(typeof(Activity), EntityTypes);
        Assert.NotEmpty(EntitiesIn(typeof(HoldsAnEntity), [], "test"));
        Assert.Empty(EntitiesIn(typeof(Flat), [], "test"));
    }

    private sealed record Flat(int Id, string Title, IReadOnlyList<string> Names);

    private sealed record HoldsAnEntity(int Id, IReadOnlyList<Dictionary<int, SignUp>> Deep);

    private static Type? ModelOf(Type view)
    {
        for (var type = view.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RazorPage<>))
            {
                var model = type.GetGenericArguments()[0];
                return model == typeof(object) || model == typeof(string) ? null : model;
            }
        }
        return null;
    }

    /// <summary>Every path from <paramref name="type"/> to an entity type, through properties, generic arguments and arrays.</summary>
    private static IEnumerable<string> EntitiesIn(Type type, HashSet<Type> seen, string path)
    {
        if (EntityTypes.Contains(type))
        {
            yield return $"{path} is the entity {type.Name}";
            yield break;
        }
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType)
        {
            yield break;
        }
        var inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var argument in inner)
        {
            foreach (var found in EntitiesIn(argument, seen, $"{path}<{argument.Name}>"))
            {
                yield return found;
            }
        }
        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || type.Namespace?.StartsWith("Microsoft", StringComparison.Ordinal) == true)
        {
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var found in EntitiesIn(property.PropertyType, seen, $"{path}.{property.Name}"))
            {
                yield return found;
            }
        }
    }

    private static HashSet<Type> LoadEntityTypes()
    {
        var options = new DbContextOptionsBuilder<SqliteCoProduceDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteCoProduceDbContext(options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.Assembly == typeof(CoProduceDbContext).Assembly).ToHashSet();
    }
}
