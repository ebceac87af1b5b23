using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>What a "you said, we did" document holds: the project, the themes, and when people meet again.</summary>
/// <param name="ProjectTitle">What people helped to plan, as it reads after "You helped us plan": "short breaks for carers".</param>
/// <param name="BackOn">When people meet again, if that is known.</param>
public sealed record YouSaidWeDidContent(string ProjectTitle, DateOnly? BackOn, IReadOnlyList<YouSaidWeDidTheme> Themes);

/// <summary>One thing people said, and the council's one answer to it.</summary>
public sealed record YouSaidWeDidTheme(string YouSaid, YouSaidWeDidResponse Response);

public enum YouSaidWeDidAnswer { Did, WillDo, CannotDo }

/// <summary>We did it; we will do it by a date; or we cannot do it, and why.</summary>
public sealed record YouSaidWeDidResponse(YouSaidWeDidAnswer Answer, string What, DateOnly? By = null, string? Because = null)
{
    public static YouSaidWeDidResponse Did(string what) => new(YouSaidWeDidAnswer.Did, what);

    public static YouSaidWeDidResponse WillDo(string what, DateOnly by) => new(YouSaidWeDidAnswer.WillDo, what, by);

    public static YouSaidWeDidResponse CannotDo(string what, string because) => new(YouSaidWeDidAnswer.CannotDo, what, Because: because);
}

/// <summary>
/// The "you said, we did" template: it turns what people said about a project, and what the
/// council did about each thing, into an easy-read document. It reads nothing itself: the
/// feature that gathers feedback fills <see cref="YouSaidWeDidContent"/> and calls <see cref="Build"/>.
/// The words people and organisers wrote are split into sentences, one a line.
/// </summary>
public sealed class YouSaidWeDidDocument(IOptions<CouncilOptions> council)
{
    public EasyReadDocument Build(YouSaidWeDidContent content, EasyReadLanguage language)
    {
        var words = new EasyReadWords(language);
        var themes = new List<EasyReadRow>();
        foreach (var theme in content.Themes)
        {
            themes.Add(Row(Picture.YouSaid, [Label(words["YouSaid_YouSaid"]), .. Split(theme.YouSaid)]));
            var response = theme.Response;
            themes.Add(response.Answer switch
            {
                YouSaidWeDidAnswer.Did => Row(Picture.WeDid, [Label(words["YouSaid_WeDid"]), .. Split(response.What)]),
                YouSaidWeDidAnswer.WillDo => Row(Picture.WeWillDo,
                    [Label(words["YouSaid_WeWillDo"]), .. Split(response.What), .. response.By is { } by ? [words.Bold("YouSaid_By", words.Date(by))] : Array.Empty<EasyReadSentence>()]),
                _ => Row(Picture.WeCannotDo,
                    [Label(words["YouSaid_WeCannotDo"]), .. Split(response.What), Label(words["YouSaid_Because"]), .. Split(response.Because)]),
            });
        }
        var sections = new List<EasyReadSection>
        {
            new(null, [new EasyReadRow(Picture.People, words.Bold("YouSaid_Intro", content.ProjectTitle), words["YouSaid_ThisIs"])]),
            new(words["YouSaid_Heading"], themes),
            new(words["YouSaid_NextHeading"],
            [
                new EasyReadRow(Picture.ThankYou, words["YouSaid_ThankYou"], words["YouSaid_Matters"]),
                content.BackOn is { } backOn
                    ? new EasyReadRow(Picture.Date, words.Bold("YouSaid_BackOn", words.Date(backOn)))
                    : new EasyReadRow(Picture.Date, words["YouSaid_TellYou"]),
                new EasyReadRow(Picture.Phone, words.Bold("YouSaid_Phone", council.Value.ContactPhone)),
                new EasyReadRow(Picture.Email, words.Bold("YouSaid_Email", council.Value.ContactEmail)),
            ]),
        };
        return new EasyReadDocument(EasyReadDocumentKind.YouSaidWeDid, words["YouSaid_Title"], language, sections, "you-said-we-did.pdf");
    }

    /// <summary>"You said:", in bold, so people can find each part.</summary>
    private static EasyReadSentence Label(string text) => new([new EasyReadPart(text, Strong: true)]);

    private static EasyReadRow Row(Picture picture, IEnumerable<EasyReadSentence> sentences) => new(picture, sentences.ToList());

    private static IEnumerable<EasyReadSentence> Split(string? text) =>
        PlainEnglishChecker.Sentences(text ?? string.Empty).Select(s => (EasyReadSentence)s);
}
