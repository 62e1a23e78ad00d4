import { buildSchema } from 'graphql';

/** A small Relay-style schema shaped like the portal API, for the limit tests. */
export const portalSchema = buildSchema(/* GraphQL */ `
  interface Node {
    id: ID!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type Unit implements Node {
    id: ID!
    name: String!
    resources(first: Int, after: String, last: Int, before: String): ResourceConnection!
  }

  type Resource implements Node {
    id: ID!
    title: String!
    tags: [String!]!
    unit: Unit!
    related(first: Int): [Resource!]!
  }

  type ResourceEdge {
    cursor: String!
    node: Resource!
  }

  type ResourceConnection {
    totalCount: Int!
    edges: [ResourceEdge!]!
    nodes: [Resource!]!
    pageInfo: PageInfo!
  }

  union SearchHit = Resource | Unit

  type Query {
    resources(
      first: Int
      after: String
      last: Int
      before: String
      keyword: String
    ): ResourceConnection!
    resource(id: ID!): Resource
    units: [Unit!]!
    node(id: ID!): Node
    search(query: String!, first: Int = 20): [SearchHit!]!
  }

  type Mutation {
    favorite(id: ID!): Resource
  }
`);
