namespace CoProduce.Web.Domain.Common;

/// <summary>
/// An entity whose updates must not silently overwrite someone else's. The data layer gives it
/// a new <see cref="Version"/> on every save and refuses a save made from a stale copy. A GUID
/// works the same on SQLite and SQL Server (SQL Server's rowversion has no SQLite equivalent).
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; set; }
}
