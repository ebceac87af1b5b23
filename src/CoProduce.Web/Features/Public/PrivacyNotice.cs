namespace CoProduce.Web.Features.Public;

/// <summary>
/// The privacy notice people agree to. When the notice's words change, change the version too:
/// each consent records the version the person read.
/// </summary>
public static class PrivacyNotice
{
    public const string Version = "2026-11";
}
