#include "roilens/sources/event_vocabulary.hpp"

#include <algorithm>
#include <string>

#include "roilens/sources/label_text.hpp"

namespace roilens::sources {
namespace {

using Type = model::TouchpointType;

struct EventLabels {
  Type type;
  std::string_view labels;  // eventKey() form, '|'-separated: API name, EN label, FR label
};

// GA4 names (enhanced measurement: page_view, form_start, form_submit, click (outbound link);
// recommended: view_promotion / select_promotion for a promoted element, i.e. a CTA), the
// generic event-log names and their French labels. generate_lead is left out: GA4 sends it with
// form_submit for the same form, so reading both would count a submission twice.
constexpr EventLabels kEventLabels[] = {
    {Type::kVisit, "visit|session start|visite|début de session"},
    {Type::kPageView,
     "page view|pageview|page viewed|vue de page|page vue|affichage de page|consultation de page"},
    {Type::kFormView,
     "form view|form start|form viewed|form impression|vue de formulaire|formulaire vu|"
     "affichage de formulaire|début de formulaire"},
    {Type::kFormSubmit,
     "form submit|form submission|form submitted|soumission de formulaire|formulaire soumis|"
     "envoi de formulaire|formulaire envoyé"},
    {Type::kCtaView,
     "cta view|cta viewed|cta impression|view promotion|vue de cta|cta vu|affichage de cta"},
    {Type::kCtaClick,
     "cta click|cta clicked|click|select promotion|clic sur cta|clic sur le cta|clic cta|clic"},
    {Type::kEmailSend,
     "email send|email sent|e mail sent|envoi d'e mail|envoi d'email|e mail envoyé"},
    {Type::kEmailOpen,
     "email open|email opened|e mail open|ouverture d'e mail|ouverture d'email|e mail ouvert"},
    {Type::kEmailClick,
     "email click|email clicked|e mail click|clic dans l'e mail|clic dans l'email|clic e mail"},
    {Type::kDownload, "download|file download|téléchargement|téléchargement de fichier"},
    {Type::kAdClick, "ad click|clic sur annonce|clic publicitaire"},
    {Type::kCall, "call|phone call|appel|appel téléphonique"},
    {Type::kMeeting, "meeting|réunion|rendez vous"},
    {Type::kKeyEvent, "key event|conversion|événement clé"},
    {Type::kPurchase, "purchase|order|achat|commande"},
};

// labelKey() with '_' and '-' read as spaces: "page_view", "Page-View" and "page view" agree.
std::string eventKey(std::string_view label) {
  std::string text(label);
  std::replace(text.begin(), text.end(), '_', ' ');
  std::replace(text.begin(), text.end(), '-', ' ');
  return labelKey(text);
}

}  // namespace

std::optional<model::TouchpointType> touchpointTypeFromEvent(std::string_view label) {
  const std::string key = eventKey(label);
  if (key.empty()) return std::nullopt;
  for (const EventLabels& entry : kEventLabels) {
    for (const std::string_view name : splitText(entry.labels, '|')) {
      if (name == key) return entry.type;
    }
  }
  return std::nullopt;
}

}  // namespace roilens::sources
