namespace CoProduce.Web.Domain.Feedback;

/// <summary>
/// Cornwall's 7 Keys to Citizenship, an outcomes frame for what matters to people. Feedback and
/// activities can carry any of them, so this is a set of flags (stored as one number).
/// </summary>
[Flags]
public enum SevenKeys
{
    None = 0,
    Love = 1,
    Freedom = 2,
    Home = 4,
    Money = 8,
    Help = 16,
    Life = 32,
    Meaning = 64,
}

public static class SevenKeysInfo
{
    /// <summary>The keys in Cornwall's order.</summary>
    public static readonly IReadOnlyList<SevenKeys> All =
        [SevenKeys.Love, SevenKeys.Freedom, SevenKeys.Home, SevenKeys.Money, SevenKeys.Help, SevenKeys.Life, SevenKeys.Meaning];

    /// <summary>Every key at once: anything outside this is not a key.</summary>
    public const SevenKeys Every = SevenKeys.Love | SevenKeys.Freedom | SevenKeys.Home | SevenKeys.Money | SevenKeys.Help | SevenKeys.Life | SevenKeys.Meaning;

    /// <summary>What the key is about, in everyday words (the hint beside each checkbox).</summary>
    public static string Describe(SevenKeys key) => key switch
    {
        SevenKeys.Love => "family, friends and relationships",
        SevenKeys.Freedom => "choice, control and speaking up",
        SevenKeys.Home => "a place that is your own",
        SevenKeys.Money => "enough money to live, and control of it",
        SevenKeys.Help => "support that works for you",
        SevenKeys.Life => "being part of the community",
        SevenKeys.Meaning => "purpose, work and giving something back",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Describe one key at a time."),
    };

    /// <summary>The keys in a set, in Cornwall's order.</summary>
    public static IReadOnlyList<SevenKeys> Split(SevenKeys keys) => All.Where(k => (keys & k) == k).ToList();

    /// <summary>Combines keys into one set; anything that is not a key is left out.</summary>
    public static SevenKeys Combine(IEnumerable<SevenKeys> keys) => keys.Aggregate(SevenKeys.None, (all, k) => all | k) & Every;

    /// <summary>"Home, Help" or "None".</summary>
    public static string Names(SevenKeys keys) => keys == SevenKeys.None ? "None" : string.Join(", ", Split(keys));
}
