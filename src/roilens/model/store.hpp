#pragma once
// The session store: the normalised data set (model/dataset.hpp) held as columns. One table per
// model table, one dictionary for every string of the session, the files rows came from.
// The row structs of dataset.hpp remain the value types a row is read or written as.
#include <cstddef>
#include <string>
#include <vector>

#include "roilens/model/columns.hpp"
#include "roilens/model/dataset.hpp"
#include "roilens/model/dictionary.hpp"
#include "roilens/model/table.hpp"

namespace roilens::model {

using ContactTable =
    Table<Contact, TextField<&Contact::contact_id>, TextField<&Contact::email>,
          ValueField<&Contact::created_at>, DictField<&Contact::lifecycle_stage>, StageField<0>,
          StageField<1>, StageField<2>, StageField<3>, StageField<4>, StageField<5>, StageField<6>,
          DictField<&Contact::original_channel>, DictField<&Contact::original_source_raw>,
          DictField<&Contact::original_detail_1>, DictField<&Contact::original_detail_2>,
          DictField<&Contact::latest_channel>, DictField<&Contact::campaign>,
          DictField<&Contact::device>, DictField<&Contact::segment>, DictField<&Contact::owner>,
          DictField<&Contact::company_id>, DictField<&Contact::lead_status>,
          ValueField<&Contact::score>, DictField<&Contact::first_conversion>,
          ValueField<&Contact::first_conversion_at>, ValueField<&Contact::total_revenue>,
          ValueField<&Contact::was_prospect>, ExtraField<&Contact::extra>>;

using TouchpointTable = Table<Touchpoint, TextField<&Touchpoint::contact_ref>,
                              ValueField<&Touchpoint::occurred_at>, ValueField<&Touchpoint::type>,
                              DictField<&Touchpoint::channel>, DictField<&Touchpoint::source>,
                              DictField<&Touchpoint::medium>, DictField<&Touchpoint::campaign>,
                              DictField<&Touchpoint::content>, DictField<&Touchpoint::term>,
                              DictField<&Touchpoint::landing_page>, DictField<&Touchpoint::cta_id>,
                              DictField<&Touchpoint::form_id>, DictField<&Touchpoint::email_id>,
                              DictField<&Touchpoint::segment>, DictField<&Touchpoint::device>,
                              ValueField<&Touchpoint::value>, DictField<&Touchpoint::currency>>;

using TrafficTable =
    Table<TrafficAgg, ValueField<&TrafficAgg::range_start>, ValueField<&TrafficAgg::range_end>,
          ValueField<&TrafficAgg::granularity>, DictField<&TrafficAgg::channel>,
          DictField<&TrafficAgg::source>, DictField<&TrafficAgg::medium>,
          DictField<&TrafficAgg::campaign>, DictField<&TrafficAgg::landing_page>,
          DictField<&TrafficAgg::page>, DictField<&TrafficAgg::device>,
          DictField<&TrafficAgg::social_network>, DictField<&TrafficAgg::event_name>,
          ValueField<&TrafficAgg::event_type>, ValueField<&TrafficAgg::sessions>,
          ValueField<&TrafficAgg::engaged_sessions>, ValueField<&TrafficAgg::users>,
          ValueField<&TrafficAgg::new_users>, ValueField<&TrafficAgg::bounces>,
          ValueField<&TrafficAgg::entrances>, ValueField<&TrafficAgg::key_events>,
          ValueField<&TrafficAgg::revenue>, ValueField<&TrafficAgg::views>,
          ValueField<&TrafficAgg::event_count>, DictField<&TrafficAgg::currency>>;

using TransactionTable =
    Table<Transaction, TextField<&Transaction::txn_id>, ValueField<&Transaction::kind>,
          TextField<&Transaction::customer_ref>, ValueField<&Transaction::created_at>,
          ValueField<&Transaction::closed_at>, ValueField<&Transaction::status>,
          ValueField<&Transaction::amount_gross>, ValueField<&Transaction::refunds>,
          ValueField<&Transaction::discount>, ValueField<&Transaction::tax>,
          ValueField<&Transaction::shipping>, ValueField<&Transaction::amount_net>,
          DictField<&Transaction::currency>, DictField<&Transaction::pipeline>,
          DictField<&Transaction::stage>, DictField<&Transaction::channel>,
          DictField<&Transaction::utm_source>, DictField<&Transaction::utm_medium>,
          DictField<&Transaction::utm_campaign>, DictField<&Transaction::utm_content>,
          DictField<&Transaction::utm_term>, ValueField<&Transaction::is_upsell>,
          ValueField<&Transaction::margin>>;

using CostTable =
    Table<Cost, ValueField<&Cost::range_start>, ValueField<&Cost::range_end>,
          DictField<&Cost::platform>, DictField<&Cost::account>, DictField<&Cost::campaign_id>,
          DictField<&Cost::campaign_name>, DictField<&Cost::campaign_type>,
          DictField<&Cost::channel>, DictField<&Cost::category>, ValueField<&Cost::inbound>,
          DictField<&Cost::currency>, ValueField<&Cost::cost>, ValueField<&Cost::impressions>,
          ValueField<&Cost::clicks>, ValueField<&Cost::interactions>,
          ValueField<&Cost::conversions>, ValueField<&Cost::conversion_value>,
          ValueField<&Cost::reach>, DictField<&Cost::device>>;

using EmailTable = Table<
    EmailCampaignStats, DictField<&EmailCampaignStats::campaign_id>,
    DictField<&EmailCampaignStats::name>, DictField<&EmailCampaignStats::subject>,
    DictField<&EmailCampaignStats::audience>, DictField<&EmailCampaignStats::resend_of>,
    ValueField<&EmailCampaignStats::sent_at>, ValueField<&EmailCampaignStats::recipients>,
    ValueField<&EmailCampaignStats::delivered>, ValueField<&EmailCampaignStats::bounces_hard>,
    ValueField<&EmailCampaignStats::bounces_soft>, ValueField<&EmailCampaignStats::unique_opens>,
    ValueField<&EmailCampaignStats::total_opens>, ValueField<&EmailCampaignStats::unique_clicks>,
    ValueField<&EmailCampaignStats::total_clicks>, ValueField<&EmailCampaignStats::unsubscribes>,
    ValueField<&EmailCampaignStats::complaints>, ValueField<&EmailCampaignStats::orders>,
    ValueField<&EmailCampaignStats::revenue>, ValueField<&EmailCampaignStats::downloads>>;

using PathTable =
    Table<PathAggregate, CodeListField<&PathAggregate::channels>,
          ValueField<&PathAggregate::conversions>, ValueField<&PathAggregate::conversion_value>,
          ValueField<&PathAggregate::nulls>>;

using RfmTable = Table<RfmSummary, TextField<&RfmSummary::customer>,
                       ValueField<&RfmSummary::frequency>, ValueField<&RfmSummary::recency>,
                       ValueField<&RfmSummary::age>, ValueField<&RfmSummary::monetary_value>>;

// Every table of the model. Their strings are codes of a dictionary kept beside them (Store).
struct Tables {
  ContactTable contacts;
  TouchpointTable touchpoints;
  TrafficTable traffic;
  TransactionTable transactions;
  CostTable costs;
  EmailTable emails;
  PathTable paths;
  RfmTable rfm;

  std::size_t bytes() const;
};

// The tables, the dictionary their strings are coded in, and the files rows came from.
struct Store : Tables {
  Dictionary strings;
  std::vector<FileEntry> files;

  FileId addFile(std::string name, std::string tool);
  // The rows as value structs (attribution and CLV read them so; tests build data so).
  Dataset toDataset() const;
  // A store holding `data`, each row's origin file registered by (tool, file name).
  static Store fromDataset(const Dataset& data);
};

}  // namespace roilens::model
